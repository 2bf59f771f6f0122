"""The database: schema, migrations and the engine."""

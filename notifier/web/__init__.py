"""The web endpoint: a Starlette app (:mod:`notifier.web.app`) served by uvicorn (:mod:`.server`)."""

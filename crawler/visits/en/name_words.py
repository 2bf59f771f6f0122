"""Word lists for English official names: title words, and capitalised words that are never part
of a person's name (sentence openers, bodies, months)."""

from __future__ import annotations

_TITLE_WORDS = (
    r"(?:secretary(?:-general)?|mayor|governor|director(?:-general)?|chairman|chairwoman|chairperson|"
    r"head|member|members|deputy|vice|minister|chief|administrator|aldermen|alderman|president|"
    r"commissioner|inspector|leaders|leader|party chief|party secretary|councillor|councilor|premier|"
    r"magistrate|executive|acting|standing|comrades?|section chief|counsel|officer|general secretary|"
    r"top official|mayors|governors|secretaries|directors|chairmen|heads|commander|political commissar|"
    r"procurator|investigator|ambassador|consul general|consul|counsell?or|envoy)"
)
_NOT_NAME = frozenset(
    [
        "On", "In", "At", "The", "During", "From", "To", "And", "Of", "For", "With", "By", "After",
        "Before", "Since", "While", "When", "This", "That", "These", "Those", "He", "She", "They",
        "It", "His", "Her", "Their", "We", "Our", "Mr", "Mrs", "Ms", "Dr", "Comrade", "Comrades",
        "City", "County", "District", "Province", "Municipal", "Provincial", "Committee", "Party",
        "CPC", "Communist", "Group", "Co", "Ltd", "Company", "Government", "People's", "Congress",
        "Standing", "Also", "Then", "Meanwhile", "However", "According", "Upon", "Only", "Secretary",
        "Mayor", "Governor", "Director", "Chairman", "Head", "Member", "Deputy", "Vice", "Chief",
        "Leaders", "Leader", "Report", "Open", "Home", "News", "China", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Xinhua", "Reuters", "Photo", "Bureau", "Science", "Technology", "Department", "Office",
        "Association", "Federation", "Commission", "Council", "Administration", "Zone", "Park",
        "Economic", "Development", "Industrial", "National", "Central", "Affairs", "Work",
        "Organization", "Security", "Public", "Recently", "Yesterday", "Today", "Earlier", "Later",
        "Festival", "Spring", "Autumn", "Summer", "Winter", "New", "Year", "Day", "Holiday", "Team",
        "Academician", "Professor", "Prof", "Expert", "Section",
        # sentence adverbs opening a clause ("Accordingly, Chairman of the Board toured ...")
        "Accordingly", "Subsequently", "Additionally", "Furthermore", "Moreover", "Afterwards", "Finally",
        "Firstly", "Secondly", "Thirdly", "Besides", "Thereafter", "Next", "Likewise", "Similarly",
        "Consequently", "Therefore", "Thus", "Hence", "Notably", "Specifically", "Lastly", "Overall",
        "Excellency", "Eng",
        # a headline's verb after a title and surname ("Mayor Li Inspects Xinhe")
        "Inspects", "Visits", "Investigates", "Tours", "Surveys", "Examines", "Meets", "Attends",
        "Inspected", "Visited", "Investigated", "Toured", "Surveyed"
    ]
)

"""The words an English site's name ends with, and the "Co., Ltd." that must not end a sentence or a list."""

from __future__ import annotations

import re

# Words a site's name ends with: legal forms, site kinds, and common industry tails
# of company names ("X Textile", "X Bearing", "X Pharmaceutical").
SITE = (r"Co~Ltd|Co\.,? ?Ltd\.?|Limited Liability Company|Limited Company|Company Limited|Co\b|Company|Group|"
        r"Corporation|Project|project|Village|village|Community|community|"
        r"Textiles?|Bearings?|Moulds?|Molds?|Steel|Machinery|Electronics|Pharmaceuticals?|"
        r"Motors|Logistics|Dairy|Manufacturing|Technology|Technologies|Equipment|Packaging|Food|Glass|"
        r"Brewery|Winery|Foods|Parts|Auto|Biotech|Materials|Shipyard|Semiconductors?|Robotics|"
        r"Optoelectronics|"
        r"Park|park|Base|base|Center|Centre|center|Museum|museum|University|Institute|College|School|"
        r"Hospital|Station|Zone|Complex|Road|Plant|Factory|Market|Homeland|Garden|Farm|Academy|"
        r"Headquarters|Library|Port|Pier|Mine|Cooperative|cooperative|Co-op|co-op|Reservoir|Hall|Street|Town|Township|"
        r"Subdistrict|Scenic Area|Scenic Spot|Industrial Park|Laboratory|Workshop|Mall|Hotel|Bank|"
        r"Bridge|Tunnel|Dam|Dike|Dyke|Wharf|limited company|company limited|Square|Plaza|Lane|Alley|"
        r"station|dyke|dike|reservoir|sluice|wharf|plant|factory|farm|mine|school|hospital|mill|Mill|Works|"
        r"Border Gate|border gate|Checkpoint|checkpoint|Airport|airport|Terminal|terminal|Power Plant|"
        r"Clinic|clinic|Kindergarten|kindergarten|Nursing Home|nursing home|Greenhouse|greenhouse|"
        r"Refinery|refinery|Warehouse|warehouse|Depot|depot|Orchard|orchard|Substation|substation|"
        r"port|pier|Quarry|quarry|Hub|Welfare Home|Care Home|site|Expressway|Highway|Railway|"
        r"Apartments?|Residences?|Theater|Theatre|Stadium|Gymnasium|Arena|Temple|Memorial|Store|Supermarket|supermarket|"
        r"Monastery|Mosque|Church|Pagoda|Palace|Tea Estate|Estate|"
        # "the Baima Center for Disease Control and Prevention" (疾控中心)
        r"Disease Control and Prevention|Disease Prevention and Control|Disease Control|"
        r"Estuary|estuary|business district|commercial district|Seaport|seaport|new materials|"
        # a project told by the work done on it ("the Beihu Wetland restoration")
        r"renovation|restoration|reconstruction|"
        # "the Hengda product exhibition hall"
        r"exhibition hall|exhibition cent(?:er|re)|showroom|"
        # "the Marduk Pushkar pond"
        r"Pond|pond|temple")
# "Qinghe Ancient Town", "Xitang Water Town": a scenic site, not a town that holds sites.
CONTAINER = re.compile(r"\b(?:Street|(?<!Ancient )(?<!Old )(?<!Water )Town|Township|Subdistrict|"
                       r"County|District|City|Province)$")
SITE_END = re.compile(rf"(?:{SITE})$")
# "Xinhe village": a one-word name the text gives a village's kind (named bare elsewhere, it is that village).
VILLAGE_NAMED = re.compile(r"\b([A-Z][a-z]+)[ ]+(?:[Vv]illage|[Tt]own|[Tt]ownship|[Cc]ommunity)\b")

LOWER = (r"(?!(?:the|a|an|to|in|at|on|of|and|with|for|from|into|by|is|are|was|were|has|have|"
          r"will)\b)(?![a-z]+ed\b)[a-z][\w-]*")


def protect(sentence: str) -> str:
    return re.sub(r"Co\.\s?,\s?(?:Ltd|LTD)\.?|Co\.\s+Ltd\.?|\bCo,\s?Ltd\.?", "Co~Ltd", sentence)


def restore(name: str) -> str:
    return name.replace("Co~Ltd", "Co., Ltd.").strip(" ,")

Instance: gk-maternal-record-team
InstanceOf: SearchParameter
Usage: #definition
Title: "Search maternal records by care team"
Description: "EpisodeOfCare records whose team includes a CareTeam: EpisodeOfCare?team=CareTeam/123 (R4 has no search parameter for EpisodeOfCare.team)."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-maternal-record-team"
* version = "0.1.0"
* name = "GkMaternalRecordTeam"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op het zorgteam van het zwangerschapsdossier (EpisodeOfCare.team)."
* code = #team
* base[0] = #EpisodeOfCare
* type = #reference
* expression = "EpisodeOfCare.team"
* xpathUsage = #normal
* target[0] = #CareTeam

Instance: gk-pregnancy-key
InstanceOf: SearchParameter
Usage: #definition
Title: "Search by pregnancy key"
Description: "The maternal record with a given cross-provider pregnancy key, e.g. EpisodeOfCare?pregnancy-key=867."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-pregnancy-key"
* version = "0.1.0"
* name = "GkPregnancyKey"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op zwangerschapssleutel (search the maternal record by its pregnancy key: age of the woman in days at conception div 14)."
* code = #pregnancy-key
* base[0] = #EpisodeOfCare
* type = #token
* expression = "EpisodeOfCare.identifier.where(system='https://fhir.geboorteketen.nl/NamingSystem/pregnancy-key')"
* xpathUsage = #normal

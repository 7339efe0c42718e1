Instance: gk-edd
InstanceOf: SearchParameter
Usage: #definition
Title: "Search by estimated date of delivery"
Description: "Estimated-date-of-delivery Observations (SNOMED CT 161714006) by their date, e.g. Observation?edd=ge2026-03-01."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-edd"
* version = "0.1.0"
* name = "GkEdd"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op a terme datum (search estimated date of delivery Observations, SNOMED CT 161714006, by their valueDateTime)."
* code = #edd
* base[0] = #Observation
* type = #date
* expression = "(Observation.where(code.coding.where(system='http://snomed.info/sct' and code='161714006').exists()).value as dateTime)"
* xpathUsage = #normal

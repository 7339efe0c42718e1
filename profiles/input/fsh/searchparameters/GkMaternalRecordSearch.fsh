Instance: gk-maternal-record
InstanceOf: SearchParameter
Usage: #definition
Title: "Search by maternal record"
Description: "Records that point at a maternal record (EpisodeOfCare) with the extension ext-maternal-record, e.g. Observation?maternal-record=EpisodeOfCare/123."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-maternal-record"
* version = "0.1.0"
* name = "GkMaternalRecord"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op zwangerschapsdossier (search records by the maternal record, EpisodeOfCare, they point at with ext-maternal-record)."
* code = #maternal-record
* base[0] = #Observation
* base[+] = #Procedure
* base[+] = #ServiceRequest
* base[+] = #CarePlan
* base[+] = #Task
* base[+] = #Composition
* base[+] = #Consent
* base[+] = #RelatedPerson
* base[+] = #Goal
* base[+] = #Provenance
* base[+] = #Condition
* base[+] = #DiagnosticReport
* base[+] = #CareTeam
* type = #reference
* expression = "Observation.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Procedure.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | ServiceRequest.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | CarePlan.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Task.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Composition.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Consent.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | RelatedPerson.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Goal.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Provenance.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | Condition.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | DiagnosticReport.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value | CareTeam.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record').value"
* xpathUsage = #normal
* target[0] = #EpisodeOfCare

Instance: gk-related-patient
InstanceOf: SearchParameter
Usage: #definition
Title: "Search by related patient"
Description: "RelatedPersons whose ext-related-patient points at a Patient, e.g. the children of a mother: RelatedPerson?related-patient=Patient/123."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-related-patient"
* version = "0.1.0"
* name = "GkRelatedPatient"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op de Patient-resource van de verwante (search RelatedPersons by the related person's own Patient resource, ext-related-patient; e.g. the children of a mother)."
* code = #related-patient
* base[0] = #RelatedPerson
* type = #reference
* expression = "RelatedPerson.extension('https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient').value"
* xpathUsage = #normal
* target[0] = #Patient

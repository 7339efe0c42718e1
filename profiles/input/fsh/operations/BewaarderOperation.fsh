Instance: bewaarder-toewijzen
InstanceOf: OperationDefinition
Usage: #definition
Title: "$bewaarder-toewijzen — the beheerder hands a record of no family to an organisation"
Description: "A record that belongs to no family (a Practitioner, a Location, a Device…) is changed only by the organisation that stored it, its keeper, and by the beheerder. For what the beheerder loaded for a practice, or what was stored before keepers were kept, the beheerder names the keeper here, with the reason."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/bewaarder-toewijzen"
* name = "BewaarderToewijzen"
* title = "Bewaarder toewijzen"
* status = #active
* kind = #operation
* code = #bewaarder-toewijzen
* system = true
* type = false
* instance = false
* affectsState = true
* description = """
The keeper is a fact of the server's ledger, never read from the record. Only records of the types a partner may
write without a family (partnerFamilyless in the access table, Subscription excepted: its organisation is in its
criteria) that belong to no family can be handed over. The new keeper replaces the old one.
"""
* parameter[0].name = #record
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].documentation = "Het record zonder gezin (bijvoorbeeld Practitioner/123)."
* parameter[+].name = #organisatie
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[=].documentation = "De organisatie (Organization) die het record voortaan bewaart en wijzigt."
* parameter[+].name = #reden
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "Waarom, in ten hoogste 200 tekens; de server bewaart het bij de bewaarder, met wie het toewees"
* parameter[+].name = #record
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].documentation = "Het record."
* parameter[+].name = #bewaarder
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].documentation = "De organisatie die het nu bewaart."

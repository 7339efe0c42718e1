Instance: overdracht
InstanceOf: OperationDefinition
Usage: #definition
Title: "$overdracht — start a handover"
Description: "Builds the handover document for the maternal record as the rule table Library/overdracht declares, and stores it with its Task in one transaction."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/overdracht"
* name = "Overdracht"
* title = "Overdracht (handover) from the maternal record"
* status = #active
* kind = #operation
* code = #overdracht
* resource = #EpisodeOfCare
* system = false
* type = false
* instance = true
* affectsState = true
* description = """
Builds the handover document (Bundle type document, Composition gk-handover-*) of the given type from the
stored records of this maternal record — only what the type's table lists — and stores it together with a
handover Task (gk-handover-task, status requested, requester = sender, owner = receiver) in one transaction.
Refuses with 422 and one issue per missing item when required content is missing, and with 422 when the
family's consent for this receiver is absent (which consent each type needs: Library/overdracht).
"""
* parameter[0].name = #type
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #code
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = "https://fhir.geboorteketen.nl/ValueSet/gk-handover-type"
* parameter[=].documentation = "verloskundige-kraamzorg | kraamzorg-jgz | verloskundige-jgz-prenataal"
* parameter[+].name = #ontvanger
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[=].documentation = "De ontvangende organisatie (Organization); wordt Task.owner."
* parameter[+].name = #zender
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[=].documentation = "De verzendende organisatie (Organization, Task.requester); standaard de managingOrganization van het zwangerschapsdossier."
* parameter[+].name = #vervangt
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Task"
* parameter[=].documentation = "Een correctie: de eerdere overdracht-Task die deze vervangt (die wordt geannuleerd; het document blijft bewaard)."
* parameter[+].name = #document
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The stored handover document."
* parameter[+].name = #task
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Task
* parameter[=].documentation = "The stored handover Task."

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
* parameter[=].documentation = "The receiving Organization (becomes Task.owner)."
* parameter[+].name = #zender
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].documentation = "The sending Organization (Task.requester); default the maternal record's managingOrganization."
* parameter[+].name = #vervangt
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].documentation = "A correction: the earlier handover Task this one replaces (it is cancelled; its document is kept)."
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

// Aliases of the handover (overdracht) and kraamweek feature.
Alias: $gkHandoverType = https://fhir.geboorteketen.nl/CodeSystem/gk-handover-type
Alias: $gkHandoverSection = https://fhir.geboorteketen.nl/CodeSystem/gk-handover-section
Alias: $taskStatus = http://hl7.org/fhir/task-status

Profile: GkMaternalRecovery
Parent: Observation
Id: gk-maternal-recovery
Title: "GK Mother's recovery (herstel moeder)"
Description: """
The mother's recovery on a care day, as the kraamverzorgende observed it (free text: uterus, blood
loss, wound, mood). Follows: LIP component "verzorging en controle van de moeder".
Not derived from nl-core: no zib holds the kraamzorg's recovery check of the mother.
"""
* code = $gkObservationCode#maternal-recovery
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De moeder"
* effective[x] 1..1 MS
* performer MS
* insert RecordedByProfessional
* insert PointsAtMaternalRecord(0..1)
* value[x] 1..1 MS
* value[x] only string

Profile: GkKraamzorgHoursDelivered
Parent: Observation
Id: gk-kraamzorg-hours-delivered
Title: "GK Kraamzorg hours delivered (geleverde zorg)"
Description: """
The kraamzorg hours actually delivered over the kraamweek (effectivePeriod), about the mother; compare
with the indicated hours (gk-kraamzorg-indication). Handed over to JGZ; also for pilot monitoring
(domain brief §5: indicated vs delivered hours).
Not derived from nl-core: hours of kraamzorg delivered are a LIP figure, no zib holds them.
"""
* code = $gkObservationCode#kraamzorg-hours-delivered
* status MS
* subject 1..1 MS
* subject only Reference(GkPatient)
* effective[x] 1..1 MS
* effective[x] only Period
* performer 1..* MS
* performer only Reference(GkOrganization or GkPractitionerRole)
* performer ^short = "De kraamzorgorganisatie of de kraamverzorgende (rol) die de zorg leverde"
* insert PointsAtMaternalRecord(1..1)
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.system = $ucum
* valueQuantity.code = #h
* obeys gk-hours-1

Invariant: gk-hours-1
Description: "Tussen 0 en 80 uur (LIP: at most 80 hours in the statutory period)."
Severity: #error
Expression: "value.ofType(Quantity).value >= 0 and value.ofType(Quantity).value <= 80"

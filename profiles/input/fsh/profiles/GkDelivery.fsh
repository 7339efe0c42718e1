Profile: GkDelivery
Parent: $nlProcedureEvent
Id: gk-delivery
Title: "GK Delivery (bevalling)"
Description: """
The birth (bevalling), as a Procedure with SNOMED CT 236973005 (delivery procedure) about the
mother, with when (performed[x], optional as in the IZK: the births carry the moment) and optionally
where and by whom. Belongs to one maternal record.
Derives from nl-core-Procedure-event (zib2020 has no Delivery zib); PWD 3.2 "Bevalling".
"""
* code 1..1
* code = $sct#236973005
* code ^short = "Bevalling (delivery procedure)"
* status MS
* subject MS
* subject only Reference(GkPatient)
* subject ^short = "De moeder (the mother)"
// optional: in the PWD/IZK model the moment of birth is on each child's birth; a delivery of twins has one
// delivery and two births, and the IZK's delivery carries no time (docs/decisions.md)
* performed[x] 0..1 MS
* performer MS
* performer.actor only Reference(GkPractitioner or GkPractitionerRole or GkOrganization)
* location MS
* outcome MS
* insert PointsAtMaternalRecord(1..1)

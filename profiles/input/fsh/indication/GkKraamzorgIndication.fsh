Profile: GkKraamzorgIndication
Parent: ServiceRequest
Id: gk-kraamzorg-indication
Title: "GK Kraamzorgindicatie (LIP)"
Description: """
A kraamzorg indication under the Landelijk Indicatieprotocol (LIP): the package, the total hours
(quantity, UCUM h), the hours per care component, the care days, partus assistance, the moment, the
more- and fewer-factors that applied (reasonCode), the midwife who indicated it (requester), the
kraamzorg organisation that delivers it (performer) and the maternal record. Computed and stored by
the operation $lip-indicatie; a later indication replaces the earlier one (replaces; the earlier gets
status revoked and stays in history). A herindicatie has a Provenance signed by midwife and client.
Not derived from nl-core: zib2020 has no kraamzorg indication; nl-core-Procedure-request is a planned procedure, not an amount of care under the LIP.
"""
* insert PointsAtMaternalRecord(1..1)
* extension contains
    ExtLipPackage named package 1..1 MS and
    ExtLipMoment named moment 1..1 MS and
    ExtLipCareDays named careDays 1..1 MS and
    ExtLipComponent named component 1..* MS and
    ExtPartusAssistance named partusAssistance 0..1 MS and
    ExtLipRuleTable named ruleTable 1..1 MS and
    ExtLipOverrideReason named overrideReason 0..1 MS and
    ExtLipDigitalHours named digitalHours 0..1 MS
* status MS
* status ^short = "active (geldend) | revoked (vervangen door een latere indicatie)"
* intent = #order
* code 1..1 MS
* code = $sct#160631000146109
* code ^short = "Kraamzorguren geïndiceerd (kraamzorg hours indicated)"
* subject only Reference(GkPatient)
* subject ^short = "De kraamvrouw (the mother)"
* quantity[x] 1..1 MS
* quantity[x] only Quantity
* quantityQuantity.system 1..1
* quantityQuantity.system = $ucum
* quantityQuantity.code 1..1
* quantityQuantity.code = #h
* quantityQuantity.value 1..1
* quantityQuantity.value ^minValueDecimal = 0
* quantityQuantity.value ^maxValueDecimal = 80
* requester 1..1 MS
* requester only Reference(GkPractitionerRole or GkOrganization)
* requester ^short = "De indicerende verloskundige of praktijk"
* performer MS
* performer only Reference(GkOrganization)
* performer ^short = "De kraamzorgorganisatie"
* reasonCode MS
* reasonCode from LipFactorVS (required)
* reasonCode ^short = "De meer- en minderfactoren die zijn toegepast"
* authoredOn 1..1 MS
* replaces MS
* replaces only Reference(GkKraamzorgIndication)

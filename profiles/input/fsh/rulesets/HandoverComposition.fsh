// Common rules of the three handover documents (Composition, the first entry of a document Bundle).
RuleSet: HandoverComposition(type)
* identifier 1..1 MS
* status = #final
* type = $gkHandoverType#{type}
* subject 1..1 MS
* subject only Reference(GkPatient)
* subject ^short = "De moeder (the mother)"
* date MS
* author 1..1 MS
* author only Reference(GkOrganization)
* author ^short = "Sending organisation"
* custodian 1..1 MS
* custodian only Reference(GkOrganization)
* relatesTo MS
* relatesTo ^short = "code = replaces and targetIdentifier = the corrected document's Composition.identifier"
* section 1..* MS
* section.code 1..1 MS
* section.code from GkHandoverSectionVS (required)
* section.title 1..1
* insert PointsAtMaternalRecord(1..1)

Extension: ExtLipPackage
Id: ext-lip-package
Title: "LIP-pakket"
Description: "The LIP package of a kraamzorg indication: basis, minimum or op maat."
Context: ServiceRequest
* value[x] 1..1
* value[x] only Coding
* valueCoding from LipPackageVS (required)

Extension: ExtLipMoment
Id: ext-lip-moment
Title: "LIP-indicatiemoment"
Description: "When the indication was made: intake, kraambed or herindicatie."
Context: ServiceRequest
* value[x] 1..1
* value[x] only Coding
* valueCoding from LipMomentVS (required)

Extension: ExtLipCareDays
Id: ext-lip-care-days
Title: "Aantal zorgdagen"
Description: "The number of care days over which the hours are spread (8, or up to 10 for op maat)."
Context: ServiceRequest
* value[x] 1..1
* value[x] only positiveInt

Extension: ExtLipComponent
Id: ext-lip-component
Title: "Zorgcomponent"
Description: "One line of the hour breakdown: a care component, a more-factor, or a deduction (negative hours)."
Context: ServiceRequest
* extension contains code 1..1 and label 1..1 and hours 1..1
* extension[code].value[x] only string
* extension[label].value[x] only string
* extension[hours].value[x] only decimal

Extension: ExtPartusAssistance
Id: ext-partus-assistance
Title: "Partusassistentie"
Description: "Whether the kraamverzorgende assists the midwife at a home birth (partusassistentie), on top of the indicated hours."
Context: ServiceRequest
* value[x] 1..1
* value[x] only boolean

Extension: ExtLipRuleTable
Id: ext-lip-rule-table
Title: "Gebruikte LIP-regeltabel"
Description: "The rule table (Library url|version) the indication was computed with, so an auditor can recompute it."
Context: ServiceRequest
* value[x] 1..1
* value[x] only canonical

Extension: ExtLipOverrideReason
Id: ext-lip-override-reason
Title: "Reden van afwijking"
Description: "Why the professional set other hours than the LIP proposal (within 24–80 hours)."
Context: ServiceRequest
* value[x] 1..1
* value[x] only string

Extension: ExtLipDigitalHours
Id: ext-lip-digital-hours
Title: "Uren vervangen door digitale instructie"
Description: "Physical hours of the indication replaced by digital instruction (e.g. Babybalance); they never add to the total and carry no own contribution."
Context: ServiceRequest
* value[x] 1..1
* value[x] only decimal

Profile: GkFeedingType
Parent: $nlFeedingPattern
Id: gk-feeding-type
Title: "GK Feeding type (voedingswijze)"
Description: """
How the child is actually fed (voedingswijze): breast milk, formula or expressed breast milk,
about the child. Recorded by kraamzorg in the kraamweek and handed over to JGZ; also the basis of
the breastfeeding success indicator.
Derives from nl-core-FeedingPatternInfant: code SNOMED 289145007 (from there), the feeding type in
`component[feedingType]` (SNOMED 109021000146107) with a value from VoedingSoortCodelijst.
2016 handover set kraamzorg → JGZ ("Voeding").
"""
* insert ChildObservation
* value[x] 0..0
* component[feedingType] 1..1 MS
* component[feedingType].value[x] 1..1 MS
* component[feedingType].value[x] only CodeableConcept
* component[feedingType].valueCodeableConcept from GkFeedingTypeVS (required)

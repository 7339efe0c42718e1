Profile: GkFeedingType
Parent: Observation
Id: gk-feeding-type
Title: "GK Feeding type (voedingswijze)"
Description: """
How the child is actually fed (voedingswijze): breast milk, formula or expressed breast milk,
about the child, local code `feeding-type`. Recorded by kraamzorg in the kraamweek and handed over
to JGZ; also the basis of the breastfeeding success indicator.
Follows: 2016 handover set kraamzorg → JGZ ("Voeding"); zib2020 FeedingPatternInfant context.
"""
* code = $gkObservationCode#feeding-type
* code ^short = "Voedingswijze (feeding type)"
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept from GkFeedingTypeVS (required)

Profile: GkIntendedFeeding
Parent: Observation
Id: gk-intended-feeding
Title: "GK Intended feeding (voorgenomen voeding)"
Description: """
How the mother intends to feed her child (voorgenomen voeding), SNOMED CT 169740003: breast,
bottle, or unsure. Recorded during pregnancy, about the mother; the kraamzorg indication
(basispakket 49 h with breastfeeding, 45 h with formula) reads it.
Derives from Observation, not nl-core: no zib2020 profile holds the intended feeding (nl-core-
FeedingPatternInfant is how a child is fed, after birth). PWD 3.2 "Voorgenomen voeding".
"""
* code = $sct#169740003
* code ^short = "Voorgenomen voeding (intended feeding)"
* insert PregnancyMember
* subject ^short = "De (zwangere) moeder (the mother)"
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept from GkIntendedFeedingVS (required)

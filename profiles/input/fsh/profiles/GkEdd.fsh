Profile: GkEdd
Parent: $nlEdd
Id: gk-edd
Title: "GK Estimated date of delivery (a terme datum)"
Description: """
The estimated date of delivery (a terme datum, ATD), SNOMED CT 161714006, as a dateTime.
Member of the pregnancy Observation; input of the pregnancy key (EDD - 266 days) when neither the
conception date nor the LMP is known. Searchable with `edd`.
Derives from nl-core-Pregnancy.EstimatedDateOfDelivery (the code is fixed there).
"""
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only dateTime

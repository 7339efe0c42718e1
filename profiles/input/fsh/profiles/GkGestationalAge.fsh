Profile: GkGestationalAge
Parent: $nlPregnancyDuration
Id: gk-gestational-age
Title: "GK Gestational age (zwangerschapsduur)"
Description: """
Gestational age (zwangerschapsduur), SNOMED CT 57036006, as a UCUM quantity in weeks (wk) or
days (d).
Derives from nl-core-Pregnancy.PregnancyDuration (the code is fixed there).
"""
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.value 1..1 MS
* valueQuantity.system 1..1 MS
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code 1..1 MS
* valueQuantity.code from GkGestationalAgeUnitsVS (required)
* valueQuantity.unit MS

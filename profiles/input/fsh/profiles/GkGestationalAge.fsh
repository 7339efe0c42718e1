Profile: GkGestationalAge
Parent: Observation
Id: gk-gestational-age
Title: "GK Gestational age (zwangerschapsduur)"
Description: """
Gestational age (zwangerschapsduur), SNOMED CT 57036006, as a UCUM quantity in weeks (wk) or
days (d).
Follows: zib2020 Pregnancy.GestationalAge, PWD 3.2 "Zwangerschapsduur".
"""
* code = $sct#57036006
* insert PregnancyMember
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.value 1..1 MS
* valueQuantity.system 1..1 MS
* valueQuantity.system = "http://unitsofmeasure.org"
* valueQuantity.code 1..1 MS
* valueQuantity.code from GkGestationalAgeUnitsVS (required)
* valueQuantity.unit MS

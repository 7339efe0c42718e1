Profile: GkPractitioner
Parent: $nlPractitioner
Id: gk-practitioner
Title: "GK Practitioner"
Description: """
A professional in the birth-care chain (verloskundige, kraamverzorgende, jeugdverpleegkundige …),
identified by AGB code and/or BIG registration number.
Derives from nl-core-HealthProfessional-Practitioner (its `agb` and `big` identifier slices).
"""
* identifier[agb] 0..1 MS
* identifier[agb].value 1..1
* identifier[big] 0..1 MS
* identifier[big].value 1..1
* name 1..* MS
* name.family MS
* telecom MS

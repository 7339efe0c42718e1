Profile: GkPractitioner
Parent: Practitioner
Id: gk-practitioner
Title: "GK Practitioner"
Description: """
A professional in the birth-care chain (verloskundige, kraamverzorgende, jeugdverpleegkundige …),
identified by AGB code and/or BIG registration number.
Follows: zib2020 HealthProfessional (nl-core-HealthProfessional-Practitioner 2020).
"""
* insert IdentifierSlicing
* insert NlIdentifierSlice(agb, http://fhir.nl/fhir/NamingSystem/agb-z, 0..1, AGB-code van de zorgverlener)
* insert NlIdentifierSlice(big, http://fhir.nl/fhir/NamingSystem/big, 0..1, BIG-registratienummer)
* name 1..* MS
* name.family MS
* telecom MS

Profile: GkOrganization
Parent: Organization
Id: gk-organization
Title: "GK Organization"
Description: """
A care organisation in the birth-care chain: midwifery practice (G3), kraamzorg (K4), youth health
care (JGZ), hospital (V6) or general practice (Z3). Identified by URA (UZI register) and/or AGB code.
Follows: zib2020 HealthcareProvider (nl-core-HealthcareProvider-Organization 2020).
"""
* insert IdentifierSlicing
* identifier 1..*
* insert NlIdentifierSlice(ura, http://fhir.nl/fhir/NamingSystem/ura, 0..1, URA - UZI register abonneenummer)
* insert NlIdentifierSlice(agb, http://fhir.nl/fhir/NamingSystem/agb-z, 0..1, AGB-code van de organisatie)
* name 1..1 MS
* type MS
* type from GkOrganizationTypeVS (required)
* telecom MS
* address MS

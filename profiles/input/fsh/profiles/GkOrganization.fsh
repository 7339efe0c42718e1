Profile: GkOrganization
Parent: $nlOrganization
Id: gk-organization
Title: "GK Organization"
Description: """
A care organisation in the birth-care chain: midwifery practice (G3), kraamzorg (K4), youth health
care (JGZ), hospital (V6) or general practice (Z3). Identified by URA (UZI register) and/or AGB code.
Derives from nl-core-HealthcareProvider-Organization: `type` takes nl-core's slices, the
organisation type from the Nictiz OrganisatieTypeCodelijst (G3, K4, JGZ, V4, V5, V6, Z3 …) and a
department specialty; other types stay open, as nl-core has them.
"""
* identifier 1..*
* identifier[ura] 0..1 MS
* identifier[ura].value 1..1
* identifier[agb] 0..1 MS
* identifier[agb].value 1..1
* name 1..1 MS
* type MS
* telecom MS
* address MS

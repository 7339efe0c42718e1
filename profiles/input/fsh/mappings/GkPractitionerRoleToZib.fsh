Mapping: GkPractitionerRoleToZib
Id: zib2020
Title: "zib2020 HealthProfessional"
Source: GkPractitionerRole
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "HealthProfessional, role part"
* code -> "HealthProfessionalRole"
* organization -> "HealthcareProvider"
* practitioner -> "HealthProfessional"

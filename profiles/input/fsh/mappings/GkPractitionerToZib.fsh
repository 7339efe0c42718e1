Mapping: GkPractitionerToZib
Id: zib2020
Title: "zib2020 HealthProfessional"
Source: GkPractitioner
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "HealthProfessional"
* identifier -> "HealthProfessionalIdentificationNumber"
* identifier[agb] -> "HealthProfessionalIdentificationNumber, AGB"
* identifier[big] -> "HealthProfessionalIdentificationNumber, BIG"
* name -> "NameInformation"

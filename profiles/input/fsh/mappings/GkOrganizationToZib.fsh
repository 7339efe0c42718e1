Mapping: GkOrganizationToZib
Id: zib2020
Title: "zib2020 HealthcareProvider"
Source: GkOrganization
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "HealthcareProvider"
* identifier -> "HealthcareProviderIdentificationNumber"
* identifier[ura] -> "HealthcareProviderIdentificationNumber, URA"
* identifier[agb] -> "HealthcareProviderIdentificationNumber, AGB"
* name -> "OrganizationName"
* type -> "OrganizationType"
* address -> "AddressInformation"
* telecom -> "ContactInformation"

Mapping: GkPatientToZib
Id: zib2020
Title: "zib2020 Patient"
Source: GkPatient
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "Patient"
* identifier[bsn] -> "PatientIdentificationNumber, BSN"
* name -> "NameInformation"
* name.family -> "NameInformation.LastName"
* name.given -> "NameInformation.FirstNames"
* gender -> "Gender"
* birthDate -> "DateOfBirth"
* address -> "AddressInformation"
* telecom -> "ContactInformation"

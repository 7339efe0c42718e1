Mapping: GkPregnancyToZib
Id: zib2020
Title: "zib2020 Pregnancy / PWD 3.2"
Source: GkPregnancy
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "Pregnancy; PWD 3.2 Zwangerschap"
* subject -> "Patient"
* hasMember -> "Pregnancy.EstimatedDateOfDelivery, GestationalAge, Gravidity, Parity, DateLastMenstrualPeriod"
* extension[maternalRecord] -> "Zwangerschapsdossier (pregnancy record) context"

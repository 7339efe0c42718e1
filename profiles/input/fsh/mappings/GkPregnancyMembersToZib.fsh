Mapping: GkEddToZib
Id: zib2020
Title: "zib2020 Pregnancy"
Source: GkEdd
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* valueDateTime -> "Pregnancy.EstimatedDateOfDelivery; PWD 3.2 A terme datum"

Mapping: GkGestationalAgeToZib
Id: zib2020
Title: "zib2020 Pregnancy"
Source: GkGestationalAge
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* valueQuantity -> "Pregnancy.GestationalAge; PWD 3.2 Zwangerschapsduur"

Mapping: GkGravidityToZib
Id: zib2020
Title: "zib2020 Pregnancy"
Source: GkGravidity
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* valueInteger -> "Pregnancy.Gravidity; PWD 3.2 Graviditeit"

Mapping: GkParityToZib
Id: zib2020
Title: "zib2020 Pregnancy"
Source: GkParity
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* valueInteger -> "Pregnancy.Parity; PWD 3.2 Pariteit"

Mapping: GkLmpToZib
Id: zib2020
Title: "zib2020 Pregnancy"
Source: GkLmp
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* valueDateTime -> "Pregnancy.DateLastMenstrualPeriod; PWD 3.2 Datum laatste menstruatie"

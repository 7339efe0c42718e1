Mapping: GkBirthWeightToZib
Id: zib2020
Title: "zib2020 BodyWeight / PWD 3.2"
Source: GkBirthWeight
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "BodyWeight of the child at birth; PWD 3.2 Geboortegewicht"
* valueQuantity -> "WeightValue"
* effective[x] -> "WeightDateTime"

Mapping: GkApgarToZib
Id: zib2020
Title: "zib2020 ApgarScore"
Source: GkApgar1Minute
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* -> "ApgarScore"
* valueInteger -> "ApgarScoreTotal"
* effective[x] -> "ApgarScoreDateTime"

Mapping: GkIntendedFeedingToPwd
Id: pwd32
Title: "PWD 3.2 (Perinatale Wetenschappelijke Dataset)"
Source: GkIntendedFeeding
Target: "https://www.perined.nl"
* valueCodeableConcept -> "Voorgenomen voeding (intended feeding)"

Mapping: GkFeedingTypeToJgz
Id: overdracht-jgz-2016
Title: "Overdracht kraamzorg - JGZ (2016 handover set)"
Source: GkFeedingType
Target: "https://www.ncj.nl"
* component[feedingType].valueCodeableConcept -> "Voeding: soort voeding (feeding type)"

Mapping: GkMotherToZib
Id: zib2020
Title: "zib2020 ContactPerson"
Source: GkMother
Target: "https://zibs.nl/wiki/ZIB_Publicatie_2020(NL)"
* relationship -> "Relationship: moeder"
* extension[relatedPatient] -> "Patient of the mother (our link, no zib concept)"

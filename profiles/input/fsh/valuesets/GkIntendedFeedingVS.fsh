ValueSet: GkIntendedFeedingVS
Id: gk-intended-feeding
Title: "Intended feeding"
Description: "Voorgenomen voeding: borstvoeding, flesvoeding of nog onzeker (intended feeding of the child: breast, bottle, unsure). PWD 3.2 / zib2020."
* $sct#169643005 "Intends to breast feed"
* $sct#169644004 "Intends to bottle feed"
* $sct#169642000 "Unsure about feeding method"

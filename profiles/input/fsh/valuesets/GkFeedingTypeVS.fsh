ValueSet: GkFeedingTypeVS
Id: gk-feeding-type
Title: "Feeding type"
Description: "Voedingswijze van het kind: moedermelk, kunstvoeding, afgekolfde moedermelk (feeding type of the child: breast milk, formula, expressed breast milk)."
* $sct#226789007 "Breast milk"
* $sct#386127005 "Formula milk"
* $sct#226790003 "Expressed breast milk"

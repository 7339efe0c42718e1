CodeSystem: LipPackageCS
Id: lip-package
Title: "LIP-pakketten"
Description: "The three kraamzorg packages of the Landelijk Indicatieprotocol (LIP 2008)."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #basis "Basispakket" "49 uur (borstvoeding) of 45 uur (kunstvoeding) over 8 dagen, zonder meer- of minderfactoren."
* #minimum "Minimumpakket" "24 uur over 8 dagen (3 uur per dag): de zorggarantie, ook als de kraamvrouw minder wil."
* #op-maat "Kraamzorg op maat" "Tussen 24 en 80 uur over maximaal 10 dagen; de professional bevestigt de uren."

ValueSet: LipPackageVS
Id: lip-package
Title: "LIP-pakketten"
Description: "The three LIP packages."
* include codes from system LipPackageCS

CodeSystem: LipMomentCS
Id: lip-moment
Title: "LIP-indicatiemomenten"
Description: "When an indication is made: at intake in pregnancy, at the start of care in the kraambed, or as a re-indication during the kraambed."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #intake "Intake in de zwangerschap" "De eerste indicatie, bij de intake (thuis of telefonisch) in de zwangerschap."
* #kraambed "Start van de zorg in het kraambed" "De indicatie bij de start van de kraamzorg na de bevalling."
* #herindicatie "Herindicatie in het kraambed" "Een nieuwe indicatie tijdens het kraambed; vraagt de handtekening van verloskundige en cliënt."

ValueSet: LipMomentVS
Id: lip-moment
Title: "LIP-indicatiemomenten"
Description: "The LIP indication moments."
* include codes from system LipMomentCS

CodeSystem: LipFeedingCS
Id: lip-feeding
Title: "LIP-voeding"
Description: "De voeding die het LIP onderscheidt: het basispakket is bij borstvoeding 49 uur, bij kunstvoeding 45 uur."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #borstvoeding "Borstvoeding" "De moeder geeft (of wil geven) borstvoeding."
* #kunstvoeding "Kunstvoeding" "Het kind krijgt kunstvoeding."

ValueSet: LipFeedingVS
Id: lip-feeding
Title: "LIP-voeding"
Description: "Borstvoeding of kunstvoeding, zoals $lip-indicatie ze vraagt."
* include codes from system LipFeedingCS

CodeSystem: GkHandoverTypeCS
Id: gk-handover-type
Title: "Geboorteketen handover types (overdrachtstypen)"
Description: "The three handovers of the golden triangle (domain brief §1). The content of each is declared in the rule table Library/overdracht."
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #verloskundige-kraamzorg "Overdracht verloskundige → kraamzorg" "Pregnancy, planned place of birth, birth, child, kraamzorg indication and relevant signals."
* #kraamzorg-jgz "Overdracht kraamzorg → JGZ" "After the kraamweek: feeding per day, weight course, signals, care delivered, vulnerability, gezinsplan."
* #verloskundige-jgz-prenataal "Verzoek prenataal huisbezoek" "Midwife asks JGZ for a prenatal home visit, with the signals and the family's consent."

ValueSet: GkHandoverTypeVS
Id: gk-handover-type
Title: "Handover types"
Description: "All handover types."
* include codes from system GkHandoverTypeCS

ValueSet: GkGestationalAgeUnitsVS
Id: gk-gestational-age-units
Title: "Gestational age units"
Description: "Eenheden voor zwangerschapsduur: weken of dagen (UCUM units for gestational age: weeks or days)."
* $ucum#wk "week"
* $ucum#d "day"

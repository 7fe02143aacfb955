debriefSearch.addShard("da",{"databas":[1,101,2,5]});

debriefSearch.addShard("pa",{"pag":[1,5,2,5],"pay":[3,37]});

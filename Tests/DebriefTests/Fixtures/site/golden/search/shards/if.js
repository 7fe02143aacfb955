debriefSearch.addShard("if",{"if":[3,5]});

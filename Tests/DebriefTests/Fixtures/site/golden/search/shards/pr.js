debriefSearch.addShard("pr",{"primary":[1,5],"production":[3,10],"promot":[1,13]});

debriefSearch.addShard("de",{"delay":[2,104],"deploy":[3,5],"deployment":[3,26,1,19],"depth":[2,12]});

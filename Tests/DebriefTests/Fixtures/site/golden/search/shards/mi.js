debriefSearch.addShard("mi",{"minut":[0,17,1,30,2,10,1,27],"mitigat":[0,6,1,5]});

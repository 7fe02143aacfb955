debriefSearch.addShard("fi",{"filter":[0,107],"fir":[0,6,1,5,1,12]});

debriefSearch.addShard("up",{"up":[2,29],"updat":[3,5]});

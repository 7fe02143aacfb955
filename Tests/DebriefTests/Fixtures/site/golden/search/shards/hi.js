debriefSearch.addShard("hi",{"high":[0,56,1,55,2,136],"history":[3,5]});

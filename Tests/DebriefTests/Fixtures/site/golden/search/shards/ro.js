debriefSearch.addShard("ro",{"roll":[3,10],"rollout":[3,10,1,19],"ros":[0,17]});

debriefSearch.addPositions("ro",{"roll":[3,2,65,16],"rollout":[3,2,54,40,1,3,69,5,26],"ros":[0,1,44]});

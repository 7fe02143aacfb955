debriefSearch.addShard("h",{"h":[3,5]});
